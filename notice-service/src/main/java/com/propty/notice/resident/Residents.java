package com.propty.notice.resident;

import com.propty.events.Channel;
import com.propty.kit.ApiProblem;
import com.propty.kit.ApiProblem.FieldError;
import com.propty.kit.Caller;
import com.propty.kit.MergePatch;
import com.propty.kit.Page;
import com.propty.notice.version.StateVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Residents of the caller's properties: create, read, merge-patch, archive; and the lookups sending needs. */
@Service
public class Residents {

    static final int MAX_PAGE_SIZE = 200;
    /**
     * {@code optedOut} is deliberately not patchable and a PATCH never clears it, not even one that changes the
     * address: a resident who texted STOP or unsubscribed opts in again with the provider (START reply, resubscribe),
     * not by a manager's edit — providers would drop the message anyway, and consent is the resident's to give.
     */
    private static final Map<String, MergePatch.Shape> PATCHABLE = Map.of("name", MergePatch.Shape.STRING,
            "email", MergePatch.Shape.STRING, "phone", MergePatch.Shape.STRING, "unit", MergePatch.Shape.STRING);

    private final ResidentStore residents;
    private final ResidentAudit audit;
    private final Clock clock;
    private final StateVersions versions;

    Residents(ResidentStore residents, ResidentAudit audit, Clock clock, StateVersions versions) {
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
        this.versions = versions;
    }

    public Resident create(Caller caller, String propertyId, ResidentInput input) {
        caller.requireProperty(propertyId, "Property");
        if (input == null) {
            throw ApiProblem.validation("body", "must be a resident");
        }
        requireValid(ResidentRules.check(input.name(), blankToNull(input.email()), blankToNull(input.phone()),
                blankToNull(input.unit())));
        Instant now = clock.instant();
        Resident resident = new Resident(UUID.randomUUID().toString(), propertyId, input.name().trim(),
                blankToNull(input.email()), blankToNull(input.phone()), blankToNull(input.unit()), false, Set.of(),
                now, now);
        Resident created = residents.insert(resident);
        audit.residentCreated(caller, created);
        return created;
    }

    public Page<Resident> page(Caller caller, String propertyId, int page, int size) {
        caller.requireProperty(propertyId, "Property");
        Page.requireValid(page, size, MAX_PAGE_SIZE);
        ResidentStore.NamePage found = residents.activeByName(propertyId, page, size);
        return Page.of(found.residents(), page, size, found.total());
    }

    public Resident get(Caller caller, String residentId) {
        Resident resident = residents.find(residentId);
        if (resident == null || !caller.mayActOn(resident.propertyId())) {
            throw ApiProblem.notFound("Resident");
        }
        return resident;
    }

    /** JSON merge patch (RFC 7396): a member set to null clears that field. */
    public Resident patch(Caller caller, String residentId, JsonNode patch) {
        Resident current = get(caller, residentId);
        MergePatch patched = MergePatch.parse(patch, PATCHABLE);
        Map<String, String> changes = new java.util.LinkedHashMap<>();
        for (String field : patched.fields()) {
            String value = patched.string(field, null);
            changes.put(field, value != null && field.equals("name") ? value.trim() : blankToNull(value));
        }
        String name = changes.containsKey("name") ? changes.get("name") : current.name();
        String email = changes.containsKey("email") ? changes.get("email") : current.email();
        String phone = changes.containsKey("phone") ? changes.get("phone") : current.phone();
        String unit = changes.containsKey("unit") ? changes.get("unit") : current.unit();
        requireValid(ResidentRules.check(name, email, phone, unit));
        // a resend's counts use the current contacts: versions move before and after the write (StateVersions)
        versions.propertiesChanged(List.of(current.propertyId()));
        Resident updated = residents.change(residentId, changes, clock.instant());
        versions.propertiesChanged(List.of(current.propertyId()));
        audit.residentUpdated(caller, current, updated);
        return updated;
    }

    public void archive(Caller caller, String residentId) {
        Resident resident = get(caller, residentId);
        versions.propertiesChanged(List.of(resident.propertyId()));
        residents.archive(residentId, clock.instant());
        versions.propertiesChanged(List.of(resident.propertyId()));
        audit.residentArchived(caller, resident);
    }

    /** Residents by id, whatever their property or state (ids come from notices already checked). */
    public Map<String, Resident> byIds(Collection<String> ids) {
        return residents.all(ids).stream().collect(Collectors.toMap(Resident::id, Function.identity()));
    }

    /** The ids among {@code ids} that are not active residents of the property. */
    public List<String> notActiveIn(String propertyId, Collection<String> ids) {
        Set<String> active = residents.all(ids).stream()
                .filter(r -> r.propertyId().equals(propertyId) && !r.archived())
                .map(Resident::id).collect(Collectors.toSet());
        return ids.stream().filter(id -> !active.contains(id)).toList();
    }

    /** One page of the property's active residents after {@code afterId}, in id order: streams a large audience. */
    public List<Resident> activeAfter(String propertyId, String afterId, int limit) {
        return residents.activeAfter(propertyId, afterId, limit);
    }

    /** The active residents of the property among {@code ids}, in id order. */
    public List<Resident> activeAmong(String propertyId, Collection<String> ids) {
        return residents.activeAmong(propertyId, ids);
    }

    /**
     * The resident refused a channel (STOP reply, unsubscribe): never send on it again. Their properties' versions move
     * after the write (a redelivered batch moves them again), so the resend dialog stops counting that channel.
     */
    public void optOut(Collection<Map.Entry<String, Channel>> optOuts) {
        if (optOuts.isEmpty()) {
            return;
        }
        residents.optOut(optOuts);
        versions.propertiesChanged(byIds(optOuts.stream().map(Map.Entry::getKey).distinct().toList()).values()
                .stream().map(Resident::propertyId).collect(Collectors.toSet()));
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
