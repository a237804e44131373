{{/*
One unprivileged Wharf service (image-service, network-service, volume-service): Service, PVC, Deployment.
Call with (dict "root" $ "component" "image-service").
*/}}
{{- define "wharf.backend" -}}
{{- $root := .root -}}
{{- $c := get $root.Values (include "wharf.valuesKey" .component) -}}
{{- $name := include "wharf.componentName" . -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "wharf.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "wharf.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ $c.port }}
      targetPort: http
      protocol: TCP
{{- if $c.persistence.enabled }}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ $name }}-data
  labels:
    {{- include "wharf.labels" . | nindent 4 }}
  annotations:
    helm.sh/resource-policy: keep
spec:
  accessModes:
    {{- toYaml $c.persistence.accessModes | nindent 4 }}
  {{- with $c.persistence.storageClass }}
  storageClassName: {{ . | quote }}
  {{- end }}
  resources:
    requests:
      storage: {{ $c.persistence.size }}
{{- end }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "wharf.labels" . | nindent 4 }}
spec:
  replicas: {{ $c.replicas }}
  {{- if $c.persistence.enabled }}
  # One writer at a time on the data volume (ReadWriteOnce; the H2 file is locked by its owner).
  strategy:
    type: Recreate
  {{- end }}
  selector:
    matchLabels:
      {{- include "wharf.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "wharf.selectorLabels" . | nindent 8 }}
        {{- with $root.Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        {{- include "wharf.podAnnotations" . | nindent 8 }}
    spec:
      serviceAccountName: {{ include "wharf.serviceAccountName" $root }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      {{- with (include "wharf.imagePullSecrets" $root) }}{{ . | trim | nindent 6 }}{{ end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ include "wharf.image" (dict "root" $root "image" $c.image) | quote }}
          imagePullPolicy: {{ include "wharf.imagePullPolicy" (dict "root" $root "image" $c.image) }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ $c.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ $name }}
          {{- $env := include "wharf.dbPasswordEnv" $root }}
          {{- if or $env $c.extraEnv }}
          env:
            {{- with $env }}
            {{- . | trim | nindent 12 }}
            {{- end }}
            {{- with $c.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- toYaml $c.resources | nindent 12 }}
          volumeMounts:
            - name: data
              mountPath: /var/lib/wharf
            - name: run
              mountPath: /run/wharf
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: data
          {{- if $c.persistence.enabled }}
          persistentVolumeClaim:
            claimName: {{ $name }}-data
          {{- else }}
          emptyDir: {}
          {{- end }}
        - name: run
          emptyDir:
            medium: Memory
            sizeLimit: 16Mi
        - name: tmp
          emptyDir: {}
      {{- with $c.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}
