package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(CsvCells.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCells.cell("+15145550123")).isEqualTo("\"'+15145550123\"");
        assertThat(CsvCells.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.cell("Zoé, \"4B\"")).isEqualTo("\"Zoé, \"\"4B\"\"\"");
        assertThat(CsvCells.cell(null)).isEqualTo("\"\"");
        assertThat(CsvCells.line("a", 1)).isEqualTo("\"a\",\"1\"\r\n");
    }
}
