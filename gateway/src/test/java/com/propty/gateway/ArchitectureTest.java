package com.propty.gateway;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/** The gateway's layout: features without cycles, controllers only at the edge, no service's code. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        // the dev sign-in exists in the local profile only, with its configuration beside it
        super(ServiceArchitecture.of("com.propty.gateway").using("com.propty.internaltoken")
                .controllersOutsideWeb("devtoken.DevTokenController")
                .timeFromTheClock());
    }
}
