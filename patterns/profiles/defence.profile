# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.
# The defence receives the defendant's name and record and the officers in the case; victims' and
# witnesses' names and contact details and other third parties' data are redacted from unused material.

id = defence
version = 2026.11.1
label = Defence (solicitor, counsel or unrepresented defendant)
recipients = defence
legal_basis = Criminal Procedure and Investigations Act 1996 (disclosure); Criminal Procedure Rules Part 15; DPA 2018 Part 3
section14 = none
agreement = none
signatory = none
offence_pack = false

# Categories (taxonomy ids) redacted, with the justification code recorded for each.
redact = nino identity-document
redact = nhs_number medical
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
redact = offence_information criminal-record

# Categories left in the copy, with the decision recorded for each.
keep = pnc_id required-for-case
keep = cro_number required-for-case

# Names from the --names list, by the party's role (a name without a role follows person_name).
redact_role = victim third-party-data
redact_role = witness third-party-data
keep_role = defendant required-for-case
keep_role = officer required-for-case
redact_role = professional third-party-data
