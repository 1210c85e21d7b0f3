package com.propty.kit;

/**
 * Control characters in text a client sends: NUL and the other C0 controls and DEL are refused everywhere (they
 * break CSV exports, logs and provider APIs, and a CR/LF in an address is a header-injection attempt); multi-line
 * text (a notice's body, its SMS) may hold TAB, LF and CR. Anything else, {@code $ne} or {@code <script>} included,
 * is data and is stored as sent.
 */
public final class TextRules {

    private TextRules() {
    }

    /** True if the single-line text holds a control character (CR and LF included). */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(TextRules::isControl);
    }

    /** True if the multi-line text holds a control character other than TAB, LF or CR. */
    public static boolean hasControlCharacterInMultiline(String text) {
        return text != null && text.chars().anyMatch(c -> isControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }
}
