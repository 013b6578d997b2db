#!/usr/bin/env python3
"""A stand-in for the county highways SOAP service, for trying Caseway locally.

    python3 scripts/test-partner.py --port 8090 [--fail-first N] [--status 503]

Answers every POST with a CreateEnquiryResponse carrying a new enquiry reference, after failing the
first N requests with --status (to watch retries). Prints one line per request: the Idempotency-Key,
the SOAPAction and the outcome. Binds 127.0.0.1 only. Stop it with Ctrl-C.
"""
import argparse
import http.server
import itertools

RESPONSE = """<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <CreateEnquiryResponse xmlns="http://highways.example.org/remedy/">
      <CreateEnquiryResult>
        <Status>OK</Status>
        <EnquiryReference>HE/2026/{number:06d}</EnquiryReference>
      </CreateEnquiryResult>
    </CreateEnquiryResponse>
  </soap:Body>
</soap:Envelope>
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--status", type=int, default=503)
    options = parser.parse_args()
    counter = itertools.count(1)
    references = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            self.rfile.read(length)
            number = next(counter)
            key = self.headers.get("Idempotency-Key", "-")
            if number <= options.fail_first:
                self.send_response(options.status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                print(f"{key} {self.headers.get('SOAPAction', '-')} -> {options.status} (failing {number} of {options.fail_first})", flush=True)
                return
            # The same delivery sent again gets the same enquiry: one effect per Idempotency-Key.
            reference = references.setdefault(key, len(references) + 48213)
            body = RESPONSE.format(number=reference).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            print(f"{key} {self.headers.get('SOAPAction', '-')} -> 200 HE/2026/{reference:06d}", flush=True)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
    print(f"test partner listening on http://127.0.0.1:{options.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
