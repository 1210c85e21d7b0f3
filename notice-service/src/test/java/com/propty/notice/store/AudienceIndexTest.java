package com.propty.notice.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.notice.ServiceTestSupport;
import com.propty.notice.recipient.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The audience in table order, paged by position across the index's pages, and rebuilt once for an older notice. */
class AudienceIndexTest extends ServiceTestSupport {

    @Autowired
    AudienceIndex index;
    @Autowired
    MongoTemplate mongo;

    @Test
    void positionsAcrossIndexPagesAnswerTheAudienceInNameThenIdOrder() {
        String noticeId = "audience-" + UUID.randomUUID();
        Random random = new Random(3);
        List<AudienceIndex.Member> members = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            members.add(new AudienceIndex.Member("r" + i, "name " + random.nextInt(500)));
        }
        index.write(noticeId, members);
        List<String> expected = members.stream().sorted(AudienceIndex.TABLE_ORDER)
                .map(AudienceIndex.Member::recipientId).toList();

        assertThat(index.size(noticeId)).isEqualTo(2_345);
        assertThat(index.idsAt(noticeId, 990, 1_010)).isEqualTo(expected.subList(990, 1_010));
        assertThat(index.idsAt(noticeId, 2_300, 2_400)).isEqualTo(expected.subList(2_300, 2_345));
        assertThat(index.idsAt(noticeId, 2_400, 2_500)).isEmpty();
        List<String> walked = new ArrayList<>();
        index.forEachPage(noticeId, walked::addAll);
        assertThat(walked).isEqualTo(expected);
    }

    @Test
    void aNoticeSentBeforeTheIndexExistedGetsItBuiltOnceFromItsRecipients() {
        String noticeId = "legacy-" + UUID.randomUUID();
        for (String[] r : List.of(new String[] {"r1", "zoe"}, new String[] {"r2", "adam"}, new String[] {"r3", "mia"})) {
            mongo.insert(new Document("_id", Recipient.id(noticeId, r[0])).append("noticeId", noticeId)
                    .append("recipientId", r[0]).append("sortName", r[1]), MongoRecipients.COLLECTION);
        }

        assertThat(index.idsAt(noticeId, 0, 10)).containsExactly("r2", "r3", "r1");
        assertThat(mongo.findById(noticeId, Document.class, AudienceIndex.COLLECTION).getInteger("size"))
                .isEqualTo(3);
    }
}
