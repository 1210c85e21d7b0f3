package com.propty.notice;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/**
 * notice-service's layout: features without cycles, rules without infrastructure, the time from the Clock bean,
 * MongoDB only in the store room.
 */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("com.propty.notice").using("com.propty.events", "com.propty.kit")
                .pureRules("notice.NoticeStatusRule", "notice.DeliveryStats", "notice.NoticeDraftRules",
                        "notice.CombinationCounts", "notice.StateCombination", "notice.ChannelSnapshot",
                        "recipient.RecipientStates", "resident.ResidentRules", "resident.ResidentAuditDetails",
                        "resident.roll.ImportPlan",
                        "resident.roll.RentRollCsv", "changes.NoticeChanges")
                .timeFromTheClock()
                .storeRoom());
    }
}
