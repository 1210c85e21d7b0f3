package com.propty.history;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/** history-service's layout: features without cycles, rules without infrastructure, MongoDB only in
 * the store room. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("com.propty.history").using("com.propty.events", "com.propty.kit")
                .pureRules("history.Outcome", "audit.AuditMask", "audit.AuditCursor")
                .storeRoom());
    }
}
