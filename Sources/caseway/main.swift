import Caseway
print("caseway \(CasewayVersion.current)")
