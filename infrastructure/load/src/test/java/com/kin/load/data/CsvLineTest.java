package com.kin.load.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.load.copy.CsvLine;
import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void quotesOnlyWhatCsvNeeds_nullIsEmpty_emptyIsQuoted() {
        CsvLine line = new CsvLine();
        line.text("Acme, Inc.").text(null).text("").text("say \"hi\"").text("O'Brien").number(7);
        line.end();
        assertThat(line.drain()).isEqualTo("\"Acme, Inc.\",,\"\",\"say \"\"hi\"\"\",O'Brien,7\n");
    }
}
