package com.propty.system.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the browser tests run, are skipped or fail, from what is installed and the {@code CI} variable. On a
 * developer's machine a missing chromium skips them, as a missing tool skips its tests elsewhere in the build; in CI
 * ({@code CI=true}, which {@code .ci/run} sets) it fails them, so a failed install cannot turn into a green build
 * that never opened the page.
 */
record BrowserRequirement(Outcome outcome, String reason) {

    enum Outcome { RUN, SKIP, FAIL }

    /** {@code ci} is the value of the {@code CI} environment variable, null where it is not set. */
    static BrowserRequirement decide(boolean browserInstalled, boolean driverInstalled, String ci) {
        List<String> missing = new ArrayList<>();
        if (!browserInstalled) {
            missing.add(HeadlessChrome.BROWSER.getPath());
        }
        if (!driverInstalled) {
            missing.add(HeadlessChrome.DRIVER.getPath());
        }
        if (missing.isEmpty()) {
            return new BrowserRequirement(Outcome.RUN, "chromium and chromedriver are installed");
        }
        String what = String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " not installed";
        if (isCi(ci)) {
            return new BrowserRequirement(Outcome.FAIL, what + ", and CI=true: in CI the browser tests must run. "
                    + "Install Debian's chromium and chromium-driver (.ci/run does: apt-get install chromium "
                    + "chromium-driver) or see why that install failed");
        }
        return new BrowserRequirement(Outcome.SKIP, what + " (the browser tests fail instead where CI=true)");
    }

    /** {@code true} in any case, as CI services set it; {@code 1} too. */
    static boolean isCi(String ci) {
        return ci != null && (ci.trim().equalsIgnoreCase("true") || ci.trim().equals("1"));
    }
}
