/**
 * Service hall appointments. {@code slots} derives the bookable slots from the deploy parameters
 * and keeps them in the database; {@code booking} is the citizens' side (book, list, cancel), with
 * the capacity of a slot enforced by the database itself; {@code staff} is the back office (the
 * day's schedule per hall, check-in by confirmation code, the audit of staff actions).
 */
package org.govpaas.apps.appointments;
