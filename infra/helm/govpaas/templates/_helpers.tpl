{{/* The release's full name: "<release>" when it already says govpaas, else "<release>-govpaas". */}}
{{- define "govpaas.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "govpaas.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: platform-core
{{- end -}}

{{- define "govpaas.labels" -}}
{{ include "govpaas.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/part-of: govpaas
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "govpaas.serviceAccountName" -}}
{{- default (include "govpaas.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/* GOVPAAS_PUBLIC_URL: the explicit value, else the ingress host with its scheme. */}}
{{- define "govpaas.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- .Values.publicUrl -}}
{{- else if .Values.ingress.enabled -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host -}}
{{- end -}}
{{- end -}}

{{/*
A map with every key in brackets, as JSON: how Spring binds a map key that holds "/" or "."
exactly (a Kubernetes label key such as kubernetes.io/metadata.name).
*/}}
{{- define "govpaas.bracketKeys" -}}
{{- $out := dict -}}
{{- range $key, $value := . -}}
{{- $_ := set $out (printf "[%s]" $key) $value -}}
{{- end -}}
{{- $out | toJson -}}
{{- end -}}
