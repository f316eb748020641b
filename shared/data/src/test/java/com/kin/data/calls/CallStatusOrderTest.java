package com.kin.data.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.domain.CallStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallStatusOrderTest {

    @Test
    void progressStatuses_rankInTwiliosOrder_terminalOnesAboveAll() {
        List<Integer> progress = List.of(CallStatus.QUEUED, CallStatus.INITIATED, CallStatus.RINGING, CallStatus.IN_PROGRESS)
                .stream().map(CallStatusOrder::rank).toList();

        assertThat(progress).isSorted().doesNotHaveDuplicates();
        Arrays.stream(CallStatus.values()).filter(CallStatusOrder::isTerminal)
                .forEach(status -> assertThat(CallStatusOrder.rank(status)).isGreaterThan(progress.get(3)));
    }

    @Test
    void terminalStatuses_areTheFiveFinalOnes() {
        assertThat(Arrays.stream(CallStatus.values()).filter(CallStatusOrder::isTerminal))
                .containsExactlyInAnyOrder(CallStatus.COMPLETED, CallStatus.BUSY, CallStatus.NO_ANSWER,
                        CallStatus.CANCELED, CallStatus.FAILED);
    }

    @Test
    void sqlRank_namesEveryProgressStatusWithItsRank() {
        String sql = CallStatusOrder.sqlRank("c.status");

        assertThat(sql).isEqualTo("(case c.status when 'queued' then 0 when 'initiated' then 1 when 'ringing' then 2 "
                + "when 'in-progress' then 3 else 4 end)");
    }
}
