/// HTTP/1.1 server, router and outbound client.
public enum CasewayHTTPModule {}
