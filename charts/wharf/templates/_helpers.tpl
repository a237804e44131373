{{/*
Names, labels and the configuration shared by the templates.
*/}}

{{- define "wharf.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name: release-chart, or the release name alone when it already contains the chart name.
Component names are appended to it, so it is kept to 40 characters.
*/}}
{{- define "wharf.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "wharf.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Common labels. Call with (dict "root" $ "component" "image-service"). */}}
{{- define "wharf.labels" -}}
helm.sh/chart: {{ include "wharf.chart" .root }}
{{ include "wharf.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: wharf
{{- end }}

{{/* Selector labels. Call with (dict "root" $ "component" "image-service"). */}}
{{- define "wharf.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wharf.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* The name of one component's objects: <fullname>-<component>. */}}
{{- define "wharf.componentName" -}}
{{- printf "%s-%s" (include "wharf.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "wharf.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "wharf.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* A Wharf service image. Call with (dict "root" $ "image" .Values.imageService.image). */}}
{{- define "wharf.image" -}}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s%s:%s" .root.Values.image.registry .image.repository $tag -}}
{{- end }}

{{- define "wharf.imagePullPolicy" -}}
{{- .image.pullPolicy | default .root.Values.image.pullPolicy -}}
{{- end }}

{{- define "wharf.imagePullSecrets" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
{{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The in-cluster DNS name of a component's Service. Call with (dict "root" $ "component" "..."). */}}
{{- define "wharf.serviceHost" -}}
{{- printf "%s.%s.svc.%s" (include "wharf.componentName" .) .root.Release.Namespace .root.Values.clusterDomain -}}
{{- end }}

{{/* Kafka bootstrap servers: the external ones, or the embedded broker's Service. */}}
{{- define "wharf.kafkaBootstrap" -}}
{{- if .Values.kafka.embedded.enabled -}}
{{- printf "%s:9092" (include "wharf.serviceHost" (dict "root" . "component" "kafka")) -}}
{{- else -}}
{{- .Values.kafka.external.bootstrapServers -}}
{{- end -}}
{{- end }}

{{/* Whether the services use PostgreSQL (embedded or external) rather than their H2 files. */}}
{{- define "wharf.postgresql.enabled" -}}
{{- if or .Values.postgresql.embedded.enabled .Values.postgresql.external.host }}true{{ end -}}
{{- end }}

{{- define "wharf.postgresql.host" -}}
{{- if .Values.postgresql.embedded.enabled -}}
{{- include "wharf.serviceHost" (dict "root" . "component" "postgresql") -}}
{{- else -}}
{{- .Values.postgresql.external.host -}}
{{- end -}}
{{- end }}

{{- define "wharf.postgresql.port" -}}
{{- if .Values.postgresql.embedded.enabled }}5432{{ else }}{{ .Values.postgresql.external.port }}{{ end -}}
{{- end }}

{{- define "wharf.postgresql.database" -}}
{{- if .Values.postgresql.embedded.enabled }}{{ .Values.postgresql.embedded.database }}{{ else }}{{ .Values.postgresql.external.database }}{{ end -}}
{{- end }}

{{- define "wharf.postgresql.user" -}}
{{- if .Values.postgresql.embedded.enabled }}{{ .Values.postgresql.embedded.user }}{{ else }}{{ .Values.postgresql.external.user }}{{ end -}}
{{- end }}

{{/* The Secret and key holding the database password. */}}
{{- define "wharf.postgresql.secretName" -}}
{{- if .Values.postgresql.embedded.enabled -}}
{{- .Values.postgresql.embedded.existingSecret | default (include "wharf.componentName" (dict "root" . "component" "postgresql")) -}}
{{- else -}}
{{- .Values.postgresql.external.passwordSecret.name -}}
{{- end -}}
{{- end }}

{{- define "wharf.postgresql.secretKey" -}}
{{- if .Values.postgresql.embedded.enabled }}password{{ else }}{{ .Values.postgresql.external.passwordSecret.key }}{{ end -}}
{{- end }}

{{/* The schema of a service: image-service -> image_service (no quoting needed in PostgreSQL). */}}
{{- define "wharf.postgresql.schema" -}}
{{- . | replace "-" "_" -}}
{{- end }}

{{/* The values key of a component: image-service -> imageService. */}}
{{- define "wharf.valuesKey" -}}
{{- $keys := dict "api-gateway" "apiGateway" "container-service" "containerService" "image-service" "imageService" "network-service" "networkService" "volume-service" "volumeService" -}}
{{- get $keys . -}}
{{- end }}

{{/* The services that own a database, in a fixed order. */}}
{{- define "wharf.databaseServices" -}}
container-service image-service network-service volume-service
{{- end }}

{{/*
The environment of one Wharf service, rendered as ConfigMap data (and hashed into checksum/config).
Call with (dict "root" $ "component" "image-service").
*/}}
{{- define "wharf.serviceConfig" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
WHARF_KAFKA_BOOTSTRAP: {{ include "wharf.kafkaBootstrap" $root | quote }}
WHARF_IMAGE_URL: {{ printf "http://%s:%d" (include "wharf.serviceHost" (dict "root" $root "component" "image-service")) (int $v.imageService.port) | quote }}
WHARF_NETWORK_URL: {{ printf "http://%s:%d" (include "wharf.serviceHost" (dict "root" $root "component" "network-service")) (int $v.networkService.port) | quote }}
WHARF_VOLUME_URL: {{ printf "http://%s:%d" (include "wharf.serviceHost" (dict "root" $root "component" "volume-service")) (int $v.volumeService.port) | quote }}
{{- if ne .component "api-gateway" }}
{{- /* The agents behind a headless Service; the gateway talks to the agent of its own node instead. */}}
WHARF_CONTAINER_URL: {{ printf "http://%s:%d" (include "wharf.serviceHost" (dict "root" $root "component" "container-service")) (int $v.containerService.port) | quote }}
{{- end }}
WHARF_GATEWAY_PORT: {{ $v.apiGateway.managementPort | quote }}
WHARF_CONTAINER_PORT: {{ $v.containerService.port | quote }}
WHARF_IMAGE_PORT: {{ $v.imageService.port | quote }}
WHARF_NETWORK_PORT: {{ $v.networkService.port | quote }}
WHARF_VOLUME_PORT: {{ $v.volumeService.port | quote }}
{{- if $v.otel.endpoint }}
WHARF_OTEL_DISABLED: "false"
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ $v.otel.endpoint | quote }}
{{- else }}
WHARF_OTEL_DISABLED: "true"
{{- end }}
{{- if eq .component "api-gateway" }}
WHARF_RUN_ROOT: "/run/wharf"
WHARF_SOCKET: "/run/wharf/docker.sock"
# Health on the pod's address so the kubelet can probe it (the image's default is loopback).
QUARKUS_MANAGEMENT_HOST: "0.0.0.0"
WHARF_TCP_ENABLED: {{ $v.apiGateway.tcp.enabled | quote }}
{{- if $v.apiGateway.tcp.enabled }}
WHARF_TCP_HOST: "0.0.0.0"
WHARF_TCP_PORT: {{ $v.apiGateway.tcp.port | quote }}
{{- end }}
JAVA_OPTS: {{ $v.apiGateway.javaOpts | quote }}
{{- else }}
WHARF_BIND_HOST: {{ if eq .component "container-service" }}{{ $v.containerService.bindHost | quote }}{{ else }}"0.0.0.0"{{ end }}
{{- if eq .component "container-service" }}
WHARF_DATA_ROOT: {{ $v.dataRoot | quote }}
WHARF_RUN_ROOT: {{ $v.runRoot | quote }}
WHARF_CGROUP_PARENT: {{ $v.containerService.cgroupParent | quote }}
WHARF_RUNC: {{ $v.containerService.runtime | quote }}
JAVA_OPTS: {{ $v.containerService.javaOpts | quote }}
{{- else }}
WHARF_DATA_ROOT: "/var/lib/wharf"
WHARF_RUN_ROOT: "/run/wharf"
JAVA_OPTS: {{ (get $v (include "wharf.valuesKey" .component)).javaOpts | quote }}
{{- end }}
{{- if include "wharf.postgresql.enabled" $root }}
WHARF_DB_URL: {{ printf "jdbc:postgresql://%s:%s/%s?currentSchema=%s" (include "wharf.postgresql.host" $root) (include "wharf.postgresql.port" $root) (include "wharf.postgresql.database" $root) (include "wharf.postgresql.schema" .component) | quote }}
WHARF_DB_USER: {{ include "wharf.postgresql.user" $root | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* The database password from its Secret, when PostgreSQL is used. Call with the root context. */}}
{{- define "wharf.dbPasswordEnv" -}}
{{- if include "wharf.postgresql.enabled" . }}
- name: WHARF_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "wharf.postgresql.secretName" . }}
      key: {{ include "wharf.postgresql.secretKey" . }}
{{- end }}
{{- end }}

{{/* Pod annotations: checksum/config of the component's configuration plus the user's annotations. */}}
{{- define "wharf.podAnnotations" -}}
checksum/config: {{ include "wharf.serviceConfig" . | sha256sum }}
{{- with .root.Values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Fails the rendering with a clear message when the values contradict each other. */}}
{{- define "wharf.validate" -}}
{{- $v := .Values -}}
{{- if and $v.kafka.embedded.enabled $v.kafka.external.bootstrapServers }}
{{- fail "kafka: set either kafka.external.bootstrapServers or kafka.embedded.enabled=true, not both" }}
{{- end }}
{{- if not (or $v.kafka.embedded.enabled $v.kafka.external.bootstrapServers) }}
{{- fail "kafka: Wharf needs Kafka: set kafka.external.bootstrapServers or kafka.embedded.enabled=true" }}
{{- end }}
{{- if and $v.postgresql.embedded.enabled $v.postgresql.external.host }}
{{- fail "postgresql: set either postgresql.external.host or postgresql.embedded.enabled=true, not both" }}
{{- end }}
{{- if and $v.postgresql.embedded.enabled (not (or $v.postgresql.embedded.password $v.postgresql.embedded.existingSecret)) }}
{{- fail "postgresql: the embedded PostgreSQL needs postgresql.embedded.password, or postgresql.embedded.existingSecret naming a Secret with a \"password\" key" }}
{{- end }}
{{- if and $v.postgresql.external.host (not $v.postgresql.external.passwordSecret.name) }}
{{- fail "postgresql: postgresql.external.passwordSecret.name must name a Secret holding the password of postgresql.external.user" }}
{{- end }}
{{- end }}
