package com.novabilling.adapter.in.rest.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.openapi.ApiDocumentation;
import com.novabilling.adapter.in.rest.openapi.ProblemExamples;
import com.novabilling.adapter.in.rest.openapi.ProblemResponses;
import com.novabilling.application.port.in.customer.VerifyBillingTotalsUseCase;
import com.novabilling.application.port.shared.customer.BillingTotalsMismatch;
import com.novabilling.application.port.shared.customer.BillingTotalsReport;
import com.novabilling.domain.shared.DomainValidationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/admin/billing-totals/verify[?repair=true]}: operators check every customer's maintained
 * {@code totalSpent} and {@code activeSubscriptions} against its invoices and subscriptions, and repair those
 * that disagree. Behind the operator token, checked for every {@code /api/admin/**} route by
 * {@code AdminAuthenticationFilter}.
 */
@Controller("/api/admin/billing-totals")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@ApiResponse(responseCode = "404", description = "not_found: no operator token is configured",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "not_found", value = ProblemExamples.NOT_FOUND)))
@ProblemResponses
public class AdminBillingTotalsController {

    private final VerifyBillingTotalsUseCase verify;

    public AdminBillingTotalsController(VerifyBillingTotalsUseCase verify) {
        this.verify = verify;
    }

    @Post("/verify")
    @SecurityRequirements(@SecurityRequirement(name = ApiDocumentation.ADMIN_TOKEN))
    @Operation(operationId = "verifyBillingTotals", summary = "Check (and repair) customers' billing totals (operators)",
            description = "Recomputes every customer's totalSpent and activeSubscriptions from its invoices and "
                    + "subscriptions and compares them with the totals kept on the customer. With repair=true, each "
                    + "customer that disagrees is recomputed under its row lock and corrected. Lists at most 100 "
                    + "mismatches; counts all. Authenticated by the operator token; answers 404 while none is configured.",
            responses = @ApiResponse(responseCode = "200", description = "What the check found (and repaired)",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = Report.class))))
    public Report verify(@Parameter(description = "Also correct the totals that disagree",
                                 schema = @Schema(type = "boolean", defaultValue = "false"))
                         @QueryValue @Nullable String repair) {
        return Report.from(verify.verify(repair(repair)));
    }

    private static boolean repair(String raw) {
        if (raw == null || raw.isEmpty() || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new DomainValidationException("repair", "must be true or false");
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "BillingTotalsReport")
    public record Report(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Customers checked") long checked,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Customers whose totals disagreed with their records") long mismatched,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Customers corrected (0 without repair=true)") long repaired,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The first 100 mismatches") List<Mismatch> mismatches) {
        static Report from(BillingTotalsReport report) {
            return new Report(report.checked(), report.mismatched(), report.repaired(),
                    report.mismatches().stream().map(Mismatch::from).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "BillingTotalsMismatch", description = "A customer whose totals disagree with its records: stored "
            + "as kept on the customer, actual as its invoices and subscriptions say")
    public record Mismatch(
            @Schema(requiredMode = RequiredMode.REQUIRED) String tenantId,
            @Schema(requiredMode = RequiredMode.REQUIRED) String customerId,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "UGX") String currency,
            // no @Schema on these two: one on the component would rename the referenced schema after the Java class
            @NotNull Totals stored,
            @NotNull Totals actual) {
        static Mismatch from(BillingTotalsMismatch m) {
            return new Mismatch(m.tenantId().value(), m.customerId().value(), m.currency().value(),
                    new Totals(CustomerResponse.plain(m.storedTotalSpent()), m.storedActiveSubscriptions()),
                    new Totals(CustomerResponse.plain(m.actualTotalSpent()), m.actualActiveSubscriptions()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "BillingTotals")
    public record Totals(@Schema(requiredMode = RequiredMode.REQUIRED) BigDecimal totalSpent,
                         @Schema(requiredMode = RequiredMode.REQUIRED) long activeSubscriptions) {
    }
}
