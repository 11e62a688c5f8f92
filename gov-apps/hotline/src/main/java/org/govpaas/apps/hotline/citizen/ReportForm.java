package org.govpaas.apps.hotline.citizen;

import org.govpaas.apps.hotline.HotlineChoices;
import org.govpaas.apps.hotline.ticket.NewReport;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/** The report form as typed; {@link #check} puts every problem next to its field. */
public class ReportForm {

    static final int MAX_ADDRESS = 200;
    static final int MAX_DESCRIPTION = 2000;

    private String category;
    private String district;
    private String address;
    private String description;
    private MultipartFile photo;

    void check(HotlineChoices choices, Errors errors) {
        if (!choices.categories().contains(category)) {
            errors.rejectValue("category", "report.category.required");
        }
        if (hasText(district) && !choices.districts().contains(district)) {
            errors.rejectValue("district", "report.district.unknown");
        }
        if (!hasText(address)) {
            errors.rejectValue("address", "report.address.required");
        } else if (address.strip().length() > MAX_ADDRESS) {
            errors.rejectValue("address", "report.address.tooLong", new Object[] {MAX_ADDRESS}, null);
        }
        if (!hasText(description)) {
            errors.rejectValue("description", "report.description.required");
        } else if (description.strip().length() > MAX_DESCRIPTION) {
            errors.rejectValue("description", "report.description.tooLong", new Object[] {MAX_DESCRIPTION}, null);
        }
    }

    NewReport toReport() {
        return new NewReport(category, hasText(district) ? district : null, address.strip(), description.strip());
    }

    boolean hasPhoto() {
        return photo != null && !photo.isEmpty();
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public MultipartFile getPhoto() {
        return photo;
    }

    public void setPhoto(MultipartFile photo) {
        this.photo = photo;
    }
}
