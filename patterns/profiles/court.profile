# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.
# The court sees the parties' names, the defendant's record and date of birth; contact details,
# identity documents, financial, medical and special category data stay redacted.

id = court
version = 2026.11.1
label = Court or tribunal
recipients = court
legal_basis = Criminal Procedure Rules; DPA 2018 Part 3 (law enforcement purposes, judicial functions)
section14 = none
agreement = none
signatory = none
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
redact = address victim-witness-contact
redact = special_category special-category
redact = offence_information criminal-record

# Categories left in the copy, with the decision recorded for each.
keep = pnc_id required-for-case
keep = cro_number required-for-case
keep = prison_number required-for-case
keep = crn required-for-case
keep = date_of_birth required-for-case
keep = person_name required-for-case

# Names from the --names list, by the party's role (a name without a role follows person_name).
keep_role = victim required-for-case
keep_role = witness required-for-case
keep_role = defendant required-for-case
keep_role = officer required-for-case
keep_role = professional required-for-case
