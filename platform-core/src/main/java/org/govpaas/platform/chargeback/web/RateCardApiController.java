package org.govpaas.platform.chargeback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.chargeback.RateCard;
import org.govpaas.platform.chargeback.RateCardDraft;
import org.govpaas.platform.chargeback.RateCardService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rate cards", description = "Dated prices of the chargeback (CNY)")
class RateCardApiController {

    private final RateCardService rateCards;

    RateCardApiController(RateCardService rateCards) {
        this.rateCards = rateCards;
    }

    @GetMapping("/api/v1/rate-cards")
    @Operation(summary = "Every rate card, oldest first")
    List<RateCard> list() {
        return rateCards.list();
    }

    @PostMapping("/api/v1/rate-cards")
    @Operation(summary = "A new rate card from the 1st of a month (platform admins); cards are never edited")
    ResponseEntity<RateCard> create(Caller caller, @RequestBody RateCardDraft draft) {
        RateCard card = rateCards.create(caller, draft);
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(card);
    }
}
