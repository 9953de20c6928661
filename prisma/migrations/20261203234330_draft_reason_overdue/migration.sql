-- AlterEnum
ALTER TYPE "DraftReason" ADD VALUE 'overdue';
