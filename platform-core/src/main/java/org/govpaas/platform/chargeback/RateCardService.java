package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.chargeback.internal.ChargebackMapper;
import org.govpaas.platform.chargeback.internal.RateCardRow;
import org.govpaas.platform.system.FieldValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rate cards: read by anybody signed in (prices are public), created by platform admins only. */
@Service
public class RateCardService {

    static final BigDecimal MAX_PRICE = new BigDecimal("99999999.9999");
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("100");
    private static final Pattern TIER = Pattern.compile("^[a-z][-a-z0-9]{0,31}$");

    private final ChargebackMapper mapper;
    private final ApplicationEventPublisher events;

    RateCardService(ChargebackMapper mapper, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.events = events;
    }

    /** Every card, oldest first. */
    @Transactional(readOnly = true)
    public List<RateCard> list() {
        Map<Long, Map<String, BigDecimal>> tiers = new TreeMap<>();
        for (Map<String, Object> row : mapper.findTiers()) {
            tiers.computeIfAbsent(((Number) row.get("rate_card_id")).longValue(), k -> new TreeMap<>())
                    .put((String) row.get("tier"), (BigDecimal) row.get("multiplier"));
        }
        return mapper.findRateCards().stream().map(r -> new RateCard(r.id(), r.validFrom(), r.vcpuHour(),
                r.memoryGibHour(), r.storageGibMonth(), r.thousandRequests(), r.taxRate(),
                Map.copyOf(tiers.getOrDefault(r.id(), Map.of())), r.createdBy(), r.createdAt())).toList();
    }

    /** The card in force in {@code month}: the newest one valid from its 1st or earlier. */
    @Transactional(readOnly = true)
    public Optional<RateCard> inForce(YearMonth month) {
        return list().stream().filter(c -> !c.validFrom().isAfter(month.atDay(1)))
                .max(Comparator.comparing(RateCard::validFrom));
    }

    @Transactional
    public RateCard create(Caller caller, RateCardDraft draft) {
        if (!caller.isPlatformAdmin()) {
            throw new AccessDeniedException("only platform admins set rate cards");
        }
        Map<String, DefaultMessageSourceResolvable> errors = new LinkedHashMap<>();
        if (draft.validFrom() == null) {
            errors.put("validFrom", FieldValidationException.error("rateCard.validFrom.missing", "Enter the date the card applies from."));
        } else if (draft.validFrom().getDayOfMonth() != 1) {
            errors.put("validFrom", FieldValidationException.error("rateCard.validFrom.notFirst", "A rate card applies from the 1st of a month."));
        } else if (list().stream().anyMatch(c -> c.validFrom().equals(draft.validFrom()))) {
            errors.put("validFrom", FieldValidationException.error("rateCard.validFrom.overlap", "Another rate card already applies from this month."));
        } else if (mapper.isClosed(YearMonth.from(draft.validFrom()).toString())) {
            errors.put("validFrom", FieldValidationException.error("rateCard.validFrom.closed", "This month is closed: its statements are issued."));
        }
        price(errors, "vcpuHour", draft.vcpuHour(), MAX_PRICE);
        price(errors, "memoryGibHour", draft.memoryGibHour(), MAX_PRICE);
        price(errors, "storageGibMonth", draft.storageGibMonth(), MAX_PRICE);
        price(errors, "thousandRequests", draft.thousandRequests(), MAX_PRICE);
        if (draft.taxRate() == null || draft.taxRate().signum() < 0 || draft.taxRate().compareTo(BigDecimal.ONE) >= 0
                || draft.taxRate().stripTrailingZeros().scale() > 4) {
            errors.put("taxRate", FieldValidationException.error("rateCard.taxRate.invalid", "Enter a tax rate from 0 to below 1, e.g. 0.06."));
        }
        Map<String, BigDecimal> tiers = draft.tierMultipliers() == null ? Map.of() : draft.tierMultipliers();
        tiers.forEach((tier, multiplier) -> {
            if (tier == null || !TIER.matcher(tier).matches() || multiplier == null || multiplier.signum() <= 0
                    || multiplier.compareTo(MAX_MULTIPLIER) > 0 || multiplier.stripTrailingZeros().scale() > 3) {
                errors.put("tierMultipliers", FieldValidationException.error("rateCard.multiplier.invalid",
                        "Each isolation tier needs a multiplier above 0 and at most 100, e.g. 1.5."));
            }
        });
        if (!errors.isEmpty()) {
            throw FieldValidationException.coded(errors);
        }
        long id = mapper.insertRateCard(new RateCardRow(0, draft.validFrom(), draft.vcpuHour(), draft.memoryGibHour(),
                draft.storageGibMonth(), draft.thousandRequests(), draft.taxRate(), caller.username(), null));
        tiers.forEach((tier, multiplier) -> mapper.insertTier(id, tier, multiplier));
        events.publishEvent(new ChargebackChanged(caller.username(), "RATE_CARD_CREATED", null, "valid from "
                + draft.validFrom() + ": vCPU-hour " + draft.vcpuHour().toPlainString() + ", GiB-hour "
                + draft.memoryGibHour().toPlainString() + ", GiB-month " + draft.storageGibMonth().toPlainString()
                + ", 1000 requests " + draft.thousandRequests().toPlainString() + ", tax " + draft.taxRate().toPlainString()
                + ", tiers " + new TreeMap<>(tiers)));
        return list().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private static void price(Map<String, DefaultMessageSourceResolvable> errors, String field, BigDecimal value,
                              BigDecimal max) {
        if (value == null || value.signum() < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > 4) {
            errors.put(field, FieldValidationException.error("rateCard.price.invalid",
                    "Enter a price of 0 or more, with at most 4 decimals."));
        }
    }
}
