package com.propty.notice;

import com.propty.testsupport.ServiceArchitecture;
import com.propty.testsupport.ServiceArchitectureTest;

/** notice-service's layout: features without cycles, rules without infrastructure, the time from the Clock bean. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("com.propty.notice").using("com.propty.events", "com.propty.kit")
                .pureRules("notice.NoticeStatusRule", "notice.DeliveryStats", "notice.NoticeDraftRules",
                        "notice.CombinationCounts", "notice.StateCombination", "notice.ChannelSnapshot",
                        "recipient.RecipientStates", "resident.ResidentRules", "resident.ResidentAuditDetails",
                        "resident.roll.ImportPlan",
                        "resident.roll.RentRollCsv", "changes.NoticeChanges")
                .timeFromTheClock()
                // the features whose store is not yet behind an interface in store/: the list only shrinks
                .storeRoom("recipient.AudienceIndex", "recipient.StatusIndex", "recipient.Recipients",
                        "recipient.ChannelState", "notice.Notice", "notice.DispatchesUnderWay",
                        "notice.ScheduledSending", "notice.PropertyNotices", "notice.NoticeProgress",
                        "notice.NoticeCounters", "notice.NoticeDispatch", "notice.SendSchedule"));
    }
}
