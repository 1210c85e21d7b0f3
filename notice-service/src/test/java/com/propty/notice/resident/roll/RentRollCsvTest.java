package com.propty.notice.resident.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RentRollCsvTest {

    @Test
    void mapsColumnsByHeaderWhateverTheirOrderCaseOrPunctuation() {
        RentRollCsv.Roll roll = RentRollCsv.parse("\uFEFFUnit,Full Name,E-mail,Tenant ID,Notes\r\n"
                + "4B,Ann Lee,ann@example.com,T-1,likes cats\r\n"
                + "\"5, rear\",\"Bob \"\"Bobby\"\" Roy\",,T-2,\"two\nlines\"\r\n"
                + "\r\n", 10);
        assertThat(roll.columns()).isEqualTo(Set.of("unit", "name", "email", "externalId"));
        assertThat(roll.rows()).containsExactly(
                new RollRow(2, "T-1", "Ann Lee", "ann@example.com", null, "4B"),
                new RollRow(3, "T-2", "Bob \"Bobby\" Roy", null, null, "5, rear"));
    }

    @Test
    void aLastLineWithoutLineBreakIsARowToo() {
        assertThat(RentRollCsv.parse("name,phone\nAnn,+15145550001", 10).rows())
                .containsExactly(new RollRow(2, null, "Ann", null, "+15145550001", null));
    }

    @Test
    void refusesFilesThatAreNotARentRoll() {
        assertThatThrownBy(() -> RentRollCsv.parse("", 10)).isInstanceOf(RentRollCsv.Unreadable.class);
        assertThatThrownBy(() -> RentRollCsv.parse("email,phone\na@b.c,+1514", 10))
                .isInstanceOf(RentRollCsv.Unreadable.class).hasMessageContaining("name column");
        assertThatThrownBy(() -> RentRollCsv.parse("name\n\"open", 10)).isInstanceOf(RentRollCsv.Unreadable.class);
    }

    @Test
    void refusesMoreRowsThanARequestMayCarryWithoutReadingThemAll() {
        assertThat(RentRollCsv.parse("name\na\nb\nc\n", 3).rows()).hasSize(3);
        assertThatThrownBy(() -> RentRollCsv.parse("name\na\nb\nc\nd\n", 3))
                .isInstanceOf(RentRollCsv.TooManyRows.class);
    }
}
