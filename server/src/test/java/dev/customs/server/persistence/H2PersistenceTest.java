package dev.customs.server.persistence;

import dev.customs.server.ServerTest;

/** {@link PersistenceContract} on the embedded default database, in the shared API test context. */
@ServerTest
class H2PersistenceTest extends PersistenceContract {}
