package com.propty.events;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/** The event contract depends on no service, service-kit or test code: every consumer can take it alone. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("com.propty.events"));
    }
}
