/// SQLite-backed durable store of cases, deliveries, attempts and updates.
public enum CasewayStoreModule {}
