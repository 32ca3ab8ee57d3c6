package io.guardstream.guard.detect.secret;

import com.google.re2j.Pattern;
import io.guardstream.guard.detect.Validators;
import java.util.List;

/**
 * One credential format: the literals that gate it, an RE2 pattern whose {@code group} is the
 * secret, and the checks that keep look-alikes out.
 *
 * @param entityType mask name, e.g. AWS_ACCESS_KEY
 * @param family provider family selectable in rules (aws, github, generic, ...)
 * @param triggers lower-case literals, one of which occurs near every match
 * @param pattern the format
 * @param group capture group holding the secret (0 = whole match, -1 = first group that took
 *     part, for alternatives)
 * @param before chars searched before a trigger (context the pattern needs ahead of it)
 * @param window chars searched after a trigger
 * @param minEntropy minimum Shannon entropy (bits/char) of the secret, 0 for none
 * @param validator structural check, or null
 * @param confidence how sure a match is
 * @param generic context-only pattern, skipped where a provider format already matched
 */
public record SecretPattern(
    String entityType,
    String family,
    List<String> triggers,
    Pattern pattern,
    int group,
    int before,
    int window,
    double minEntropy,
    Validators.Validator validator,
    double confidence,
    boolean generic) {}
