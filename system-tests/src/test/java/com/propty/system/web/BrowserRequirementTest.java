package com.propty.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.system.web.BrowserRequirement.Outcome;
import org.junit.jupiter.api.Test;

class BrowserRequirementTest {

    @Test
    void withChromiumAndChromedriverTheTestsRunInCiOrNot() {
        assertThat(BrowserRequirement.decide(true, true, null).outcome()).isEqualTo(Outcome.RUN);
        assertThat(BrowserRequirement.decide(true, true, "true").outcome()).isEqualTo(Outcome.RUN);
    }

    @Test
    void outsideCiAMissingBrowserSkipsThem() {
        for (String ci : new String[] {null, "", "false", "0", "no"}) {
            assertThat(BrowserRequirement.decide(false, true, ci).outcome()).as("CI=%s", ci).isEqualTo(Outcome.SKIP);
            assertThat(BrowserRequirement.decide(true, false, ci).outcome()).as("CI=%s", ci).isEqualTo(Outcome.SKIP);
        }
    }

    @Test
    void inCiAMissingBrowserOrDriverFailsThemSayingWhatIsMissing() {
        BrowserRequirement noBrowser = BrowserRequirement.decide(false, true, "true");
        assertThat(noBrowser.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(noBrowser.reason()).contains("/usr/bin/chromium is not installed").doesNotContain("chromedriver is")
                .contains("CI=true").contains("apt-get install chromium chromium-driver");

        BrowserRequirement noDriver = BrowserRequirement.decide(true, false, "true");
        assertThat(noDriver.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(noDriver.reason()).startsWith("/usr/bin/chromedriver is not installed");

        assertThat(BrowserRequirement.decide(false, false, "true").reason())
                .startsWith("/usr/bin/chromium and /usr/bin/chromedriver are not installed");
    }

    @Test
    void ciIsTrueInAnyCaseOrOne() {
        assertThat(BrowserRequirement.decide(false, false, "TRUE").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(BrowserRequirement.decide(false, false, "1").outcome()).isEqualTo(Outcome.FAIL);
    }
}
