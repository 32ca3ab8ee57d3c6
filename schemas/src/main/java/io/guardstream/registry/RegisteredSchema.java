package io.guardstream.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject.
 *
 * @param subject the subject
 * @param version the subject's version number
 * @param id the registry-wide schema id written into records
 * @param schema the parsed schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
