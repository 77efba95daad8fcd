// Sanctions storage: repositories over prisma/schema/sanctions.prisma.
export {};
