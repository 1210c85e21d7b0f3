package com.propty.notice.web;

import com.propty.kit.Caller;
import com.propty.kit.Page;
import com.propty.notice.resident.Resident;
import com.propty.notice.resident.ResidentImport;
import com.propty.notice.resident.ResidentInput;
import com.propty.notice.resident.Residents;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class ResidentController {

    private final Residents residents;
    private final ResidentImport imports;

    ResidentController(Residents residents, ResidentImport imports) {
        this.residents = residents;
        this.imports = imports;
    }

    @PostMapping("/api/properties/{propertyId}/residents")
    @ResponseStatus(HttpStatus.CREATED)
    Resident create(Caller caller, @PathVariable String propertyId, @RequestBody ResidentInput input) {
        return residents.create(caller, propertyId, input);
    }

    /** A rent roll as CSV ({@code text/csv}): see {@link ResidentImport}. */
    @PostMapping(path = "/api/properties/{propertyId}/residents:import", consumes = "text/csv")
    ResidentImport.Report importCsv(Caller caller, @PathVariable String propertyId, @RequestBody byte[] csv,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean archiveMissing) {
        return imports.importCsv(caller, propertyId, utf8(csv), dryRun, archiveMissing);
    }

    /** Strictly: a String body would turn bytes that are not UTF-8 into U+FFFD and store them in names. */
    private static String utf8(byte[] body) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw com.propty.kit.ApiProblem.validation("body", "must be UTF-8 text");
        }
    }

    /** A rent roll as a JSON array of {@code {externalId, name, email, phone, unit}}. */
    @PostMapping(path = "/api/properties/{propertyId}/residents:import", consumes = "application/json")
    ResidentImport.Report importJson(Caller caller, @PathVariable String propertyId, @RequestBody JsonNode rows,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean archiveMissing) {
        return imports.importJson(caller, propertyId, rows, dryRun, archiveMissing);
    }

    @GetMapping("/api/properties/{propertyId}/residents")
    Page<Resident> page(Caller caller, @PathVariable String propertyId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return residents.page(caller, propertyId, page, size);
    }

    @GetMapping("/api/residents/{residentId}")
    Resident get(Caller caller, @PathVariable String residentId) {
        return residents.get(caller, residentId);
    }

    @PatchMapping(path = "/api/residents/{residentId}",
            consumes = {"application/merge-patch+json", "application/json"})
    Resident patch(Caller caller, @PathVariable String residentId, @RequestBody JsonNode patch) {
        return residents.patch(caller, residentId, patch);
    }

    @DeleteMapping("/api/residents/{residentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(Caller caller, @PathVariable String residentId) {
        residents.archive(caller, residentId);
    }
}
