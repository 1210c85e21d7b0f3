package com.propty.kit;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/** service-kit's layout: it uses the event contract and the internal token, no service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("com.propty.kit").using("com.propty.events", "com.propty.internaltoken"));
    }
}
