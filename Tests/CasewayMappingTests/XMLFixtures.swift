/// Test inputs modelled on the shared Caseway fixtures (requests/, requests/bad/, backoffice/),
/// held here so the tests run from a clone with nothing beside it.
enum XMLFixtures {
    /// A contact-centre CRM request: default namespace, a prefixed bs7666: namespace, data in
    /// attributes, CDATA with non-ASCII, `<` and `&`, and non-ASCII attribute values.
    static let missedBin = #"""
<?xml version="1.0" encoding="UTF-8"?>
<ServiceRequest xmlns="urn:example:kestrel-vale:crm:service-request:2"
                xmlns:bs7666="urn:example:bs7666:address:1"
                version="2.3" created="2026-10-20T17:42:09+01:00">
  <Recipient body="kestrel-vale-dc"/>
  <Source system="kv-contact-centre-crm" reference="CRM-00731942" channel="telephone" agent="AG1187"/>
  <Service code="WS_MISS" group="Waste">Missed bin collection</Service>
  <Description><![CDATA[Grey bin missed again — third time since the round changed in September (<3 weeks apart). It was out by 6.30am beside the Corner Café as usual. Caller has already paid £25 for a replacement lid & says: "please don't record it as not presented".]]></Description>
  <Location lat="52.41530" long="-1.09011" source="address-lookup">
    <bs7666:Address uprn="200003931044" usrn="38201902">
      <bs7666:SAON>Flat 2</bs7666:SAON>
      <bs7666:PAON>7</bs7666:PAON>
      <bs7666:StreetDescription>Station Parade</bs7666:StreetDescription>
      <bs7666:Town>Kestrel Vale</bs7666:Town>
      <bs7666:PostCode>KV3 9LT</bs7666:PostCode>
    </bs7666:Address>
  </Location>
  <Collection stream="residual" container="240L wheeled bin" colour="grey" scheduledDate="2026-10-20" assisted="false" repeatMiss="true"/>
  <Reporter contactPreference="phone">
    <Name title="Ms" forename="Siobhán" surname="O’Donnell"/>
    <Email>siobhan.odonnell@example.org</Email>
    <Phone type="mobile">07700 900872</Phone>
  </Reporter>
</ServiceRequest>
"""#

    /// A DOCTYPE declaring an external entity that reads /etc/passwd.
    static let xxe = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ServiceRequest [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<ServiceRequest xmlns="urn:example:kestrel-vale:crm:service-request:2" version="2.3" created="2026-10-21T08:15:00+01:00">
  <Source system="kv-contact-centre-crm" reference="CRM-00731960" channel="web"/>
  <Service code="WS_MISS" group="Waste">Missed bin collection</Service>
  <Description>&xxe;</Description>
</ServiceRequest>
"""#

    /// Nested internal entities expanding to 10^9 copies of "lol".
    static let billionLaughs = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ServiceRequest [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<ServiceRequest xmlns="urn:example:kestrel-vale:crm:service-request:2" version="2.3" created="2026-10-21T08:16:00+01:00">
  <Source system="kv-contact-centre-crm" reference="CRM-00731961" channel="web"/>
  <Service code="WS_MISS" group="Waste">Missed bin collection</Service>
  <Description>&lol9;</Description>
</ServiceRequest>
"""#

    /// An unescaped `&` on line 5 and `<Location>` never closed.
    static let notWellFormed = #"""
<?xml version="1.0" encoding="UTF-8"?>
<ServiceRequest xmlns="urn:example:kestrel-vale:crm:service-request:2" version="2.3" created="2026-10-21T09:02:30+01:00">
  <Source system="kv-contact-centre-crm" reference="CRM-00731965" channel="web"/>
  <Service code="WS_FLY" group="Waste">Fly-tipping</Service>
  <Description>Sofa & two mattresses dumped by the bottle bank</Description>
  <Location lat="52.41102" long="-1.08733">
</ServiceRequest>
"""#

    /// A WDM-style enquiry in a SOAP 1.1 envelope, inside a prefixed operation element.
    static let highwaysEnquirySOAP = #"""
<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <soap:Body>
    <hw:CreateEnquiry xmlns:hw="http://highways.example.org/remedy/">
      <hw:xDoc>
        <wdmenquiry>
          <enquiry_reference></enquiry_reference>
          <external_system_reference>CWY-26-000417</external_system_reference>
          <enquiry_source>Caseway</enquiry_source>
          <enquiry_time>2026-10-14 08:47:12</enquiry_time>
          <enquiry_category_code>HWY</enquiry_category_code>
          <enquiry_type_code>DEF</enquiry_type_code>
          <enquiry_detail_code>POTH</enquiry_detail_code>
          <usrn>38201577</usrn>
          <easting>462391</easting>
          <northing>279798</northing>
          <location>
            <item_uid></item_uid>
            <placename>Outside 41 Cobbler's Row, Kestrel Vale, KV12 4RX</placename>
          </location>
          <comments>Large pothole in the eastbound lane just past the zebra crossing. Cars are swerving round it into oncoming traffic.
Depth approx. 12 cm; width approx. 55 cm; on carriageway: yes; vehicle damage: no.
Location note: About 10 m east of the zebra crossing.
Front-office ref: southmoor-webforms WF-26-118342</comments>
          <customer_details>
            <name>
              <firstname>Margaret</firstname>
              <lastname>Oyelaran</lastname>
            </name>
            <email>m.oyelaran@example.org</email>
            <telephone_number>01632 960418</telephone_number>
          </customer_details>
          <documents>
            <URL>https://forms.southmoor.example.org/uploads/WF-26-118342/photo-1.jpg</URL>
            <URL>https://forms.southmoor.example.org/uploads/WF-26-118342/photo-2.jpg</URL>
          </documents>
        </wdmenquiry>
      </hw:xDoc>
    </hw:CreateEnquiry>
  </soap:Body>
</soap:Envelope>
"""#

    /// SOAP 1.1 success using a default namespace for the payload.
    static let highwaysEnquiryResponse = #"""
<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <soap:Body>
    <CreateEnquiryResponse xmlns="http://highways.example.org/remedy/">
      <CreateEnquiryResult>
        <Status>OK</Status>
        <EnquiryReference>HE/2026/048213</EnquiryReference>
        <ExternalSystemReference>CWY-26-000417</ExternalSystemReference>
        <LoggedTime>2026-10-14T08:47:15+01:00</LoggedTime>
      </CreateEnquiryResult>
    </CreateEnquiryResponse>
  </soap:Body>
</soap:Envelope>
"""#

    /// SOAP 1.1 Client fault for a duplicate external reference.
    static let highwaysEnquiryFault = #"""
<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <soap:Fault>
      <faultcode>soap:Client</faultcode>
      <faultstring>Enquiry not created: external system reference CWY-26-000417 is already held by enquiry HE/2026/048213</faultstring>
      <detail>
        <hw:EnquiryFault xmlns:hw="http://highways.example.org/remedy/">
          <hw:ErrorCode>DUPLICATE_EXTERNAL_REFERENCE</hw:ErrorCode>
          <hw:ExternalSystemReference>CWY-26-000417</hw:ExternalSystemReference>
          <hw:ExistingEnquiryReference>HE/2026/048213</hw:ExistingEnquiryReference>
        </hw:EnquiryFault>
      </detail>
    </soap:Fault>
  </soap:Body>
</soap:Envelope>
"""#

    /// The benchmark work order, as the reference mapping writes it.
    static let workOrder = #"""
<?xml version="1.0" encoding="UTF-8"?>
<workOrder ticketId="7f3c9a52-4b1e-4d8a-9e2f-1c6b8d0a3e47"><category>POTHOLE-STREET</category><categoryLabel>Pothole in roadway</categoryLabel><summary>Large pothole in the eastbound lane roughly 40 cm wide and 10 cm deep, directly in front of the bakery. Two cyclists hav</summary><department>Public Works - Streets Division</department><urgency>1</urgency><geo lat="52.520008" lon="13.404954"/><fullAddress>Karl-Liebknecht-Strasse 13, 10178 Berlin</fullAddress><district>Mitte</district><reporterName>Johanna Musterfrau</reporterName><reporterContact>johanna.musterfrau@example.org</reporterContact><reporterPhone>+49 30 1234567</reporterPhone><attrs><size>large</size><lane>eastbound</lane><hazard>yes</hazard><surface>asphalt</surface></attrs><openedAt>2024-05-14T07:42:11Z</openedAt><dueAt>2024-05-21T16:00:00Z</dueAt><labels>road,safety,cycling</labels><photoCount>1</photoCount><source>open311-gateway/mobile-app</source></workOrder>
"""#

    /// `depth` nested elements, for the nesting limit.
    static func nested(depth: Int) -> String {
        String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
    }
}
