package com.propty.kit.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    @Test
    void aTopicWithAnotherPartitionCountIsAMismatch() {
        assertThat(TopicLayout.mismatches(Map.of("delivery-results", 12), Map.of("delivery-results", 4)))
                .containsExactly("topic delivery-results has 4 partitions, the configuration says 12");
    }

    @Test
    void aTopicThatDoesNotExistYetIsNoMismatch() {
        assertThat(TopicLayout.mismatches(Map.of("delivery-results", 12), Map.of())).isEmpty();
    }

    @Test
    void matchingTopicsPass() {
        TopicLayout.requireMatching(Map.of("a", 12, "b", 12), Map.of("a", 12, "b", 12));
    }

    @Test
    void theRefusalNamesEveryMismatchedTopic() {
        assertThatThrownBy(() -> TopicLayout.requireMatching(Map.of("a", 12, "b", 12, "c", 12),
                Map.of("a", 4, "b", 12, "c", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic a has 4 partitions")
                .hasMessageContaining("topic c has 1 partitions");
    }
}
