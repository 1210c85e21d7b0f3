package com.propty.notice.resident.roll;

/**
 * One row of a rent roll as given (values trimmed, blanks as null); {@code row} is its number in the file (the header
 * is row 1 of a CSV, the first element of a JSON array is row 1).
 */
public record RollRow(int row, String externalId, String name, String email, String phone, String unit) {
}
