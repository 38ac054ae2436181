# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.

id = youth-justice
version = 2026.11.1
label = Youth Justice Board or youth offending team
recipients = youth-justice
legal_basis = Offender Management Act 2007 s.14 (the Youth Justice Board is List B); Crime and Disorder Act 1998 s.115
section14 = B
agreement = 2
signatory = regional-director
offence_pack = false

# Categories (taxonomy ids) redacted, with the justification code recorded for each.
redact = nino identity-document
redact = nhs_number medical
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
redact = person_name third-party-data
redact = address victim-witness-contact
redact = special_category special-category
redact = offence_information criminal-record

# Categories left in the copy, with the decision recorded for each.
keep = pnc_id required-for-case
keep = cro_number required-for-case
keep = prison_number required-for-case
keep = crn required-for-case
keep = date_of_birth required-for-case

# Names from the --names list, by the party's role (a name without a role follows person_name).
redact_role = victim third-party-data
redact_role = witness third-party-data
keep_role = defendant required-for-case
keep_role = officer required-for-case
keep_role = professional required-for-case
