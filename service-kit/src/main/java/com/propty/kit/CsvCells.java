package com.propty.kit;

/**
 * CSV cells that spreadsheets read as data, never as formulas: every field is quoted, and a cell that
 * starts like a formula (= + - @, or a tab / carriage return) is prefixed with a single quote.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "\"\"";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    public static String line(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values[i]));
        }
        return line.append("\r\n").toString();
    }
}
