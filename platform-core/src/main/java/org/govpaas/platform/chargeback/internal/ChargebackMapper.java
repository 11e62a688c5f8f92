package org.govpaas.platform.chargeback.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.govpaas.platform.chargeback.MonthlyUsage;
import org.govpaas.platform.chargeback.Review;
import org.govpaas.platform.chargeback.StatementLine;

/**
 * Rate cards, the rating query and statements. Statements named {@code ...AllDepartments} serve
 * the IT office and the close; every other statement filters on {@code department_id}.
 */
@Mapper
public interface ChargebackMapper {

    List<RateCardRow> findRateCards();

    /** Rows of rate_card_tier: rate_card_id, tier, multiplier. */
    List<Map<String, Object>> findTiers();

    /** Returns the new card's id. */
    long insertRateCard(@Param("card") RateCardRow card);

    void insertTier(@Param("rateCardId") long rateCardId, @Param("tier") String tier,
                    @Param("multiplier") BigDecimal multiplier);

    /**
     * Samples of {@code [from, to)} summed per department, app and isolation tier, in the database:
     * a month of millions of samples comes back as one row per app and tier.
     */
    List<MonthlyUsage> monthlyUsage(@Param("departmentId") Long departmentId, @Param("from") Instant from,
                                    @Param("to") Instant to, @Param("minutesInMonth") long minutesInMonth);

    /** 1 when the month was closed now, 0 when it was closed before. */
    int closeMonth(@Param("period") String period, @Param("actor") String actor);

    boolean isClosed(@Param("period") String period);

    /** Returns the new statement's id. */
    long insertStatement(@Param("s") StatementRow statement);

    void insertLines(@Param("statementId") long statementId, @Param("departmentId") long departmentId,
                     @Param("lines") List<StatementLine> lines);

    StatementRow findStatement(@Param("departmentId") long departmentId, @Param("period") String period);

    List<StatementRow> findStatements(@Param("departmentId") long departmentId);

    List<StatementRow> findStatementsAllDepartments(@Param("period") String period);

    /** Statements waiting for someone: ISSUED (the department) or DISPUTED (the IT office). */
    List<StatementRow> findOpenReviewsAllDepartments();

    List<StatementLine> findLines(@Param("departmentId") long departmentId, @Param("statementId") long statementId);

    /** Lines of every statement of the period: department code to lines, for the dashboard. */
    List<Map<String, Object>> findLineSumsAllDepartments(@Param("period") String period);

    List<Review> findReviews(@Param("departmentId") long departmentId, @Param("statementId") long statementId);

    /** Serializes reviews of one statement. */
    void lockStatement(@Param("departmentId") long departmentId, @Param("statementId") long statementId);

    void insertReview(@Param("departmentId") long departmentId, @Param("statementId") long statementId,
                      @Param("action") String action, @Param("actor") String actor, @Param("comment") String comment);

    /** CPU used / vCPU allocated per department over {@code [from, to)}: department_id, efficiency. */
    List<Map<String, Object>> efficiencyAllDepartments(@Param("from") Instant from, @Param("to") Instant to);

    /** Months with a statement for the department, newest first. */
    List<String> findPeriods(@Param("departmentId") long departmentId);
}
