package com.propty.history.web;

import com.propty.history.audit.AuditTrail;
import com.propty.kit.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A property's audit trail (the gateway routes {@code GET /api/properties/{id}/audit} here); admins only. */
@RestController
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/properties/{propertyId}/audit")
    AuditTrail.Page audit(Caller caller, @PathVariable String propertyId,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String before) {
        return trail.of(caller, propertyId, size, before);
    }
}
