package com.propty.notice.resident;

/** The body of a resident creation. */
public record ResidentInput(String name, String email, String phone, String unit) {
}
