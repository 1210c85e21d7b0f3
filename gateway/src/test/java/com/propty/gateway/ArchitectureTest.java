package com.propty.gateway;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/** The gateway's layout: features without cycles, controllers only at the edge, no service's code. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("com.propty.gateway").using("com.propty.internaltoken"));
    }
}
