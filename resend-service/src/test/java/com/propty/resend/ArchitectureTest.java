package com.propty.resend;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/** resend-service's layout: features without cycles, the resend policy without
 * infrastructure, MongoDB only in the store room. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("com.propty.resend").using("com.propty.events", "com.propty.kit")
                .pureRules("policy.ResendPolicy", "policy.ResendLimits", "policy.ScopeCounts", "policy.Decision",
                        "policy.Rejection", "policy.NoticeDeliveries")
                .timeFromTheClock()
                .storeRoom());
    }
}
