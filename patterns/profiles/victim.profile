# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.
# The victim is a third party for the Rehabilitation of Offenders Act 1974: the offender's previous
# convictions and other offence-related information are not released without review.

id = victim
version = 2026.11.1
label = Victim or their representative
recipients = victim
legal_basis = Code of Practice for Victims of Crime (Domestic Violence, Crime and Victims Act 2004 s.32); victim contact scheme
section14 = none
agreement = none
signatory = none
offence_pack = true

# Categories (taxonomy ids) redacted, with the justification code recorded for each.
redact = nino identity-document
redact = nhs_number medical
redact = pnc_id criminal-record
redact = cro_number criminal-record
redact = prison_number criminal-record
redact = crn criminal-record
redact = passport_number identity-document
redact = driving_licence identity-document
redact = vehicle_registration privacy
redact = sort_code financial
redact = bank_account financial
redact = payment_card financial
redact = iban financial
redact = phone_number victim-witness-contact
redact = email_address victim-witness-contact
redact = postcode victim-witness-contact
redact = ip_address privacy
redact = date_of_birth privacy
redact = person_name third-party-data
redact = address victim-witness-contact
redact = special_category special-category
redact = offence_information spent-conviction

# Names from the --names list, by the party's role (a name without a role follows person_name).
keep_role = victim already-known-to-recipient
redact_role = witness third-party-data
keep_role = defendant already-known-to-recipient
keep_role = officer required-for-case
redact_role = professional third-party-data
