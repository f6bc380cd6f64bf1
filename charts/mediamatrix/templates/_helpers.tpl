{{/* Chart name, truncated to 63 characters (the DNS label limit). */}}
{{- define "mediamatrix.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: fullnameOverride, else <release>-<chart>, or just <release> when it already contains the chart name.
*/}}
{{- define "mediamatrix.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart label value: name-version. */}}
{{- define "mediamatrix.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Common labels. */}}
{{- define "mediamatrix.labels" -}}
helm.sh/chart: {{ include "mediamatrix.chart" . }}
{{ include "mediamatrix.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: mediamatrix
{{- end }}

{{/* Selector labels (immutable once deployed). */}}
{{- define "mediamatrix.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mediamatrix.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* ServiceAccount name. */}}
{{- define "mediamatrix.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "mediamatrix.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image reference. */}}
{{- define "mediamatrix.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* The Secret holding passwords: the operator's existingSecret or the chart's own. */}}
{{- define "mediamatrix.secretName" -}}
{{- default (include "mediamatrix.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* The ConfigMap holding the matrix config. */}}
{{- define "mediamatrix.configMapName" -}}
{{- default (printf "%s-matrix" (include "mediamatrix.fullname" .)) .Values.matrix.existingConfigMap }}
{{- end }}

{{/* Name of a Bitnami subchart's resources (its common.names.fullname rule), for redis or postgresql. */}}
{{- define "mediamatrix.subchartFullname" -}}
{{- $values := index .root.Values .chart }}
{{- if $values.fullnameOverride }}
{{- $values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains .chart .root.Release.Name }}
{{- .root.Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .root.Release.Name .chart | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* Redis host:port (subchart master service, or externalRedis). */}}
{{- define "mediamatrix.redis.endpoint" -}}
{{- if .Values.redis.enabled }}
{{- printf "%s-master:6379" (include "mediamatrix.subchartFullname" (dict "root" . "chart" "redis")) }}
{{- else if .Values.externalRedis.configuration }}
{{- .Values.externalRedis.configuration }}
{{- else }}
{{- printf "%s:%v" (required "externalRedis.host is required when store.kind=redis and redis.enabled=false" .Values.externalRedis.host) .Values.externalRedis.port }}
{{- end }}
{{- end }}

{{/* True (non-empty) when Redis needs a password, i.e. MEDIAMATRIX_REDIS_PASSWORD is defined. */}}
{{- define "mediamatrix.redis.hasPassword" -}}
{{- if .Values.redis.enabled }}
{{- if .Values.redis.auth.enabled }}true{{ end }}
{{- else if or .Values.externalRedis.password .Values.externalRedis.existingSecret }}true
{{- end }}
{{- end }}

{{/* Env entry with the Redis password from the right Secret. */}}
{{- define "mediamatrix.redis.passwordEnv" -}}
- name: MEDIAMATRIX_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
{{- if .Values.redis.enabled }}
      name: {{ include "mediamatrix.subchartFullname" (dict "root" . "chart" "redis") }}
      key: redis-password
{{- else if .Values.externalRedis.existingSecret }}
      name: {{ .Values.externalRedis.existingSecret }}
      key: {{ .Values.externalRedis.existingSecretPasswordKey }}
{{- else }}
      name: {{ include "mediamatrix.secretName" . }}
      key: redis-password
{{- end }}
{{- end }}

{{/* StackExchange.Redis configuration string (env Redis__Configuration). */}}
{{- define "mediamatrix.redis.configuration" -}}
{{- if and (not .Values.redis.enabled) .Values.externalRedis.configuration }}
{{- .Values.externalRedis.configuration }}
{{- else }}
{{- include "mediamatrix.redis.endpoint" . }}
{{- if include "mediamatrix.redis.hasPassword" . }},password=$(MEDIAMATRIX_REDIS_PASSWORD){{ end }}
{{- if and (not .Values.redis.enabled) .Values.externalRedis.ssl }},ssl=true{{ end }}
{{- if and (not .Values.redis.enabled) .Values.externalRedis.options }},{{ .Values.externalRedis.options }}{{ end }}
{{- end }}
{{- end }}

{{/* True (non-empty) when the whole PostgreSQL connection string comes from a Secret. */}}
{{- define "mediamatrix.postgresql.wholeString" -}}
{{- if and (not .Values.postgresql.enabled) (or .Values.externalPostgresql.connectionString (and .Values.externalPostgresql.existingSecret .Values.externalPostgresql.existingSecretConnectionStringKey)) }}true{{ end }}
{{- end }}

{{/* Env entry Scheduler__PostgreSql read whole from a Secret. */}}
{{- define "mediamatrix.postgresql.connectionStringEnv" -}}
- name: Scheduler__PostgreSql
  valueFrom:
    secretKeyRef:
{{- if and .Values.externalPostgresql.existingSecret .Values.externalPostgresql.existingSecretConnectionStringKey }}
      name: {{ .Values.externalPostgresql.existingSecret }}
      key: {{ .Values.externalPostgresql.existingSecretConnectionStringKey }}
{{- else }}
      name: {{ include "mediamatrix.secretName" . }}
      key: postgresql-connection-string
{{- end }}
{{- end }}

{{/* Env entry with the PostgreSQL password from the right Secret. */}}
{{- define "mediamatrix.postgresql.passwordEnv" -}}
- name: MEDIAMATRIX_POSTGRESQL_PASSWORD
  valueFrom:
    secretKeyRef:
{{- if .Values.postgresql.enabled }}
      name: {{ include "mediamatrix.subchartFullname" (dict "root" . "chart" "postgresql") }}
      key: password
{{- else if .Values.externalPostgresql.existingSecret }}
      name: {{ .Values.externalPostgresql.existingSecret }}
      key: {{ .Values.externalPostgresql.existingSecretPasswordKey }}
{{- else }}
      name: {{ include "mediamatrix.secretName" . }}
      key: postgresql-password
{{- end }}
{{- end }}

{{/* Npgsql connection string for the clustered scheduler; the password comes from the env entry above. */}}
{{- define "mediamatrix.postgresql.connectionString" -}}
{{- if .Values.postgresql.enabled }}
{{- printf "Host=%s;Port=5432;Database=%s;Username=%s;Password=$(MEDIAMATRIX_POSTGRESQL_PASSWORD)" (include "mediamatrix.subchartFullname" (dict "root" . "chart" "postgresql")) .Values.postgresql.auth.database .Values.postgresql.auth.username }}
{{- else }}
{{- $host := required "externalPostgresql.host is required when scheduler.clustered=true and postgresql.enabled=false" .Values.externalPostgresql.host }}
{{- printf "Host=%s;Port=%v;Database=%s;Username=%s;Password=$(MEDIAMATRIX_POSTGRESQL_PASSWORD)" $host .Values.externalPostgresql.port .Values.externalPostgresql.database .Values.externalPostgresql.username }}
{{- with .Values.externalPostgresql.options }};{{ . }}{{ end }}
{{- end }}
{{- end }}

{{/* Refuse settings that cannot work: several replicas need a shared store and a clustered scheduler. */}}
{{- define "mediamatrix.validate" -}}
{{- if gt (int .Values.replicaCount) 1 }}
{{- if ne .Values.store.kind "redis" }}
{{- fail "replicaCount > 1 requires store.kind=redis: every replica must read and write the same store" }}
{{- end }}
{{- if not .Values.scheduler.clustered }}
{{- fail "replicaCount > 1 requires scheduler.clustered=true (Quartz on PostgreSQL): otherwise every replica polls every account" }}
{{- end }}
{{- end }}
{{- end }}
