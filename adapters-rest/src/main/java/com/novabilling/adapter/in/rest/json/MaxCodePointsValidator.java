package com.novabilling.adapter.in.rest.json;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Checks {@link MaxCodePoints}. */
@Singleton
public final class MaxCodePointsValidator implements ConstraintValidator<MaxCodePoints, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, AnnotationValue<MaxCodePoints> annotation,
                           ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int max = annotation.intValue("value").orElse(Integer.MAX_VALUE);
        // cheap first: a text of at most max UTF-16 units has at most max code points
        return value.length() <= max || Character.codePointCount(value, 0, value.length()) <= max;
    }
}
