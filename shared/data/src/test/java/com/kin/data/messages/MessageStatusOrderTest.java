package com.kin.data.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageStatusOrderTest {

    @Test
    void outboundStatuses_rankInTwiliosOrder() {
        List<Integer> ranks = List.of("queued", "accepted", "scheduled", "sending", "sent", "delivered", "read").stream()
                .map(status -> MessageStatusOrder.rank(status).orElseThrow()).toList();

        assertThat(ranks).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void lateSent_ranksBelowDeliveredAndRead() {
        int sent = MessageStatusOrder.rank("sent").orElseThrow();

        assertThat(MessageStatusOrder.rank("delivered").orElseThrow()).isGreaterThan(sent);
        assertThat(MessageStatusOrder.rank("read").orElseThrow()).isGreaterThan(sent);
    }

    @Test
    void failures_areTerminal_andDoNotOutrankDelivered() {
        for (String failure : List.of("failed", "undelivered", "canceled")) {
            assertThat(MessageStatusOrder.isTerminal(failure)).as(failure).isTrue();
            assertThat(MessageStatusOrder.rank(failure)).isEqualTo(MessageStatusOrder.rank("delivered"));
        }
        assertThat(MessageStatusOrder.isTerminal("delivered")).isFalse();
    }

    @Test
    void inboundAndUnknownStatuses_haveNoRank() {
        assertThat(MessageStatusOrder.rank("received")).isEmpty();
        assertThat(MessageStatusOrder.rank("partially_delivered")).isEmpty();
        assertThatThrownBy(() -> new MessageStatusEvent("SM1", "received", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("received");
    }

    @Test
    void sqlRank_coversEveryRankedStatus() {
        String sql = MessageStatusOrder.sqlRank("m.status");

        assertThat(sql).startsWith("(case m.status ").contains("when 'sent' then 5").contains("when 'read' then 7")
                .endsWith(" else 0 end)");
        assertThat(MessageStatusOrder.sqlTerminalList()).isEqualTo("('canceled', 'failed', 'undelivered')");
    }
}
