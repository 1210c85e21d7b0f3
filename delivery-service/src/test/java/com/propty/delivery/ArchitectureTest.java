package com.propty.delivery;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/**
 * delivery-service's layout: features without cycles, rules without infrastructure, the time from the Clock bean,
 * MongoDB only in the store room.
 */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("com.propty.delivery").using("com.propty.events", "com.propty.kit")
                .pureRules("webhook.WebhookEvents", "webhook.SendGridSignature", "email.EmailBatches",
                        "sms.SmsErrors", "resilience.Backoff", "resilience.TransientStatus", "dispatch.QuietHold")
                .timeFromTheClock()
                .storeRoom());
    }
}
