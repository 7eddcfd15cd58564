# Multi-stage build for the manual-payments process application.
#   docker build -t manual-payments .
# (docker-compose.yml builds it as the "app" service.)

# --- Build stage -------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build

# The Maven wrapper (only-script flavour) fetches the Maven version pinned in
# .mvn/wrapper/maven-wrapper.properties, so the build does not depend on the image's Maven.
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY src src
COPY processes processes
COPY forms forms
COPY workers workers

# -DskipTests also skips the exec plugin that prepares the local test database.
RUN chmod +x mvnw && ./mvnw -B -DskipTests package

# --- Runtime stage -----------------------------------------------------------------------------
FROM eclipse-temurin:21-jre

# Unprivileged system user (uid 1000 is already taken by "ubuntu" in the noble base image).
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY --from=build --chown=app:app /build/target/manual-payments-0.1.0-SNAPSHOT.jar /app/app.jar

USER app:app
EXPOSE 8080

ENTRYPOINT ["java","-jar","/app/app.jar"]
