#!/usr/bin/python3
"""Decode guardstream records with clients that are not guardstream's own.

Consumes a topic with confluent_kafka's Consumer (librdkafka), takes the schema id from each
record's Confluent wire-format header, fetches that schema with confluent_kafka's
SchemaRegistryClient and decodes the Avro body with the avro package. Prints one JSON object per
record on stdout: {"schema_id", "key", "value"}; timestamps become epoch milliseconds.

Run with Debian's interpreter (/usr/bin/python3) and its packages python3-confluent-kafka,
python3-avro and python3-requests. The Java test PythonCrossCheckIT checks the output.
"""
import argparse
import datetime
import io
import json
import struct
import sys
import time
import uuid

import avro.io
import avro.schema
from confluent_kafka import OFFSET_BEGINNING, Consumer, TopicPartition
from confluent_kafka.schema_registry import SchemaRegistryClient

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def to_json(value):
    if isinstance(value, datetime.datetime):
        return (value - EPOCH) // datetime.timedelta(milliseconds=1)
    raise TypeError("cannot represent %r as JSON" % (value,))


def decode(payload, registry, readers):
    if len(payload) < 5 or payload[0] != 0:
        raise ValueError("not in the Confluent wire format: %r" % payload[:5])
    schema_id = struct.unpack(">I", payload[1:5])[0]
    if schema_id not in readers:
        registered = registry.get_schema(schema_id)
        readers[schema_id] = avro.io.DatumReader(avro.schema.parse(registered.schema_str))
    value = readers[schema_id].read(avro.io.BinaryDecoder(io.BytesIO(payload[5:])))
    return schema_id, value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--registry", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()

    registry = SchemaRegistryClient({"url": args.registry})
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": "crosscheck-" + uuid.uuid4().hex,
        "enable.auto.commit": False,
    })
    consumer.assign([TopicPartition(args.topic, 0, OFFSET_BEGINNING)])
    readers = {}
    decoded = 0
    deadline = time.monotonic() + args.timeout
    try:
        while decoded < args.count and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                sys.exit("consumer error: %s" % message.error())
            schema_id, value = decode(message.value(), registry, readers)
            key = message.key().decode("utf-8") if message.key() is not None else None
            print(json.dumps({"schema_id": schema_id, "key": key, "value": value},
                             default=to_json, ensure_ascii=False), flush=True)
            decoded += 1
    finally:
        consumer.close()
    if decoded < args.count:
        sys.exit("decoded %d of %d records from %s within %.0f s" % (decoded, args.count, args.topic, args.timeout))


if __name__ == "__main__":
    main()
