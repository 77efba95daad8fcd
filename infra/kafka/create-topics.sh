#!/bin/sh
# Creates the topics in topics.yaml with kafka-topics.sh (run inside the apache/kafka image).
# Replication is capped at the broker count so the same file serves one-broker compose.
set -eu
BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
MAX_RF="${MAX_RF:-1}"
awk '/- name:/{n=$3} /partitions:/{p=$2} /replicationFactor:/{r=$2; print n, p, r}' /topics.yaml |
while read -r name partitions rf; do
  [ "$rf" -gt "$MAX_RF" ] && rf="$MAX_RF"
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$rf"
done
