# Test fixture for ComposeFileTest: a Dockerfile that breaks the rules ./Dockerfile keeps.
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /workspace
COPY pom.xml .
COPY . .
RUN mvn -B -DskipTests package

# Alpine: no curl; floating tag; no USER; the heap is not sized for the container.
FROM eclipse-temurin:17-jre-alpine
COPY --from=build /workspace/gateway/target/gateway.jar /gateway.jar
ENTRYPOINT ["java", \
            "-jar", "/gateway.jar"]
